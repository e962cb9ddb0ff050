// The last two keys looked up and what each maps to, checked before a Map: a busy run names the
// same two strings over and over (a write goes one way and its reply the other; a write's trace
// events name one client and one node), and comparing a string with the same string object is
// cheaper than hashing it. A cache only: what it answers is what the Map would.
export class RecentTwo<V> {
  private key0 = "";
  private value0: V | undefined = undefined;
  private key1 = "";
  private value1: V | undefined = undefined;

  /** The value remembered for `key`; undefined when it is not one of the last two. */
  get(key: string): V | undefined {
    if (key === this.key0) return this.value0;
    if (key === this.key1) return this.value1;
    return undefined;
  }

  /** Makes `key` the most recent, the previous most recent the other. */
  remember(key: string, value: V): void {
    this.key1 = this.key0;
    this.value1 = this.value0;
    this.key0 = key;
    this.value0 = value;
  }

  forget(): void {
    this.key0 = this.key1 = "";
    this.value0 = this.value1 = undefined;
  }
}
