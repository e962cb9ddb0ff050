// Endpoints by name: a Map with the last two names looked up checked first (recent-two.ts), as
// nearly every message of a busy run names one of two endpoints.
import { RecentTwo } from "./recent-two.ts";

export class ActorNames<Actor> {
  private readonly byName = new Map<string, Actor>();
  private readonly recent = new RecentTwo<Actor>();

  set(name: string, actor: Actor): void {
    this.byName.set(name, actor);
    this.recent.forget();
  }

  get(name: string): Actor | undefined {
    const known = this.recent.get(name);
    if (known !== undefined) return known;
    const actor = this.byName.get(name);
    if (actor !== undefined) this.recent.remember(name, actor);
    return actor;
  }
}
