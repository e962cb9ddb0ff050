// Endpoints by name: a Map with the last two names looked up checked first. A write is sent one
// way and answered the other, so nearly every message of a busy run names one of the two, and a
// string comparison with the same string object is cheaper than hashing it.
export class ActorNames<Actor> {
  private readonly byName = new Map<string, Actor>();
  /** The last two names looked up, most recent first, and what each names. */
  private recentName = ["", ""];
  private recentActor: (Actor | undefined)[] = [undefined, undefined];

  set(name: string, actor: Actor): void {
    this.byName.set(name, actor);
    this.recentName = ["", ""];
    this.recentActor = [undefined, undefined];
  }

  get(name: string): Actor | undefined {
    const { recentName, recentActor } = this;
    if (name === recentName[0]) return recentActor[0];
    if (name === recentName[1]) return recentActor[1];
    const actor = this.byName.get(name);
    if (actor === undefined) return undefined;
    recentName[1] = recentName[0];
    recentActor[1] = recentActor[0];
    recentName[0] = name;
    recentActor[0] = actor;
    return actor;
  }
}
