// A digest of a whole trace, independent of the engine: the run fingerprint as it was first
// defined (two 32-bit FNV-1a lanes over JSON.stringify of every trace event, in order). The
// engine's own fingerprint may move to a cheaper hash; this one stays, so golden files can
// prove that every trace event — per-write ones included — is unchanged, field by field.

export class TraceDigest {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  events = 0;

  add(event: unknown): void {
    const text = JSON.stringify(event);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193 ^ 0x2c1b3c6d);
      b ^= b >>> 15;
    }
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x01000193 ^ 0x2c1b3c6d);
    this.events++;
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}
