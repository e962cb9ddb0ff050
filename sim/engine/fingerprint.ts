// A fingerprint of a run: an incremental 64-bit hash (two independent FNV-1a lanes of 32 bits)
// over everything fed to it. Equal traces give equal fingerprints; it is not cryptographic.

export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  addString(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193 ^ 0x2c1b3c6d);
      b ^= b >>> 15;
    }
    // A separator so that ("ab","c") and ("a","bc") differ.
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x01000193 ^ 0x2c1b3c6d);
  }

  addNumber(value: number): void {
    this.addString(String(value));
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}
