// The DNS service (sim/model/dns.ts) and the DNS router (sim/model/routing/dns.ts): resolvers get
// the record the controller last set, or nothing while the service is unreachable; a connection
// whose cached answer expires in an outage has no address until the service answers again, and
// one whose answer has not expired keeps it.
import { describe, expect, it } from "vitest";
import { Dns } from "../../sim/model/dns.ts";
import { routingKindOf, type Connection, type RouterHost } from "../../sim/model/routing/index.ts";

const S = 1_000_000;

function dnsRouter(ttlS: number, connections: number) {
  const dns = new Dns("db1");
  const moved: string[] = [];
  let nowUs = 0;
  const host: RouterHost = {
    name: "app",
    index: 3,
    connections: Array.from({ length: connections }, (): Connection => ({
      target: "db1",
      expiresUs: Infinity,
      readyAtUs: 0,
    })),
    timeoutUs: S,
    users: connections,
    memorySessions: false,
    retarget: () => {},
    retargetConnection: (connection, target) => {
      connection.target = target;
      moved.push(target);
    },
    world: {
      get nowUs() {
        return nowUs;
      },
      monitors: [],
      send: () => {},
      at: () => {},
      emit: () => {},
      resolveDns: () => dns.lookup(),
    },
  };
  const router = routingKindOf("dns").router({ kind: "dns", ttlUs: ttlS * S, ignoreTtl: 0 }, host);
  return { dns, host, router, moved, at: (s: number) => void (nowUs = s * S) };
}

describe("the DNS service", () => {
  it("answers with the record, and nothing while any outage holds", () => {
    const dns = new Dns("db1");
    dns.set("db2");
    const first = dns.fail();
    const second = dns.fail();
    expect(dns.lookup()).toBeNull();
    dns.recover(first);
    expect(dns.lookup()).toBeNull();
    dns.recover(second);
    expect(dns.lookup()).toBe("db2");
    dns.fail();
    dns.recoverAll();
    expect(dns.lookup()).toBe("db2");
  });
});

describe("a DNS-routed connection in an outage", () => {
  it("keeps an answer that has not expired, loses one that expires, and connects anew once the service answers", () => {
    const { dns, host, router, moved, at } = dnsRouter(60, 2);
    const [early, late] = host.connections;
    expect([early.expiresUs, late.expiresUs]).toEqual([30 * S, 60 * S]);
    const outage = dns.fail();
    at(40);
    router.refresh(early);
    router.refresh(late);
    expect([early.target, late.target]).toEqual(["", "db1"]);
    at(50);
    router.refresh(early);
    expect(early.target).toBe("");
    dns.set("db2");
    dns.recover(outage);
    at(55);
    router.refresh(early);
    expect(early.target).toBe("db2");
    expect(early.expiresUs).toBe(115 * S);
    expect(moved).toEqual(["db2"]);
  });
});
