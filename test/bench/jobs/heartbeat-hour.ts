// The heartbeat job (heartbeat-job.ts) for one simulated hour: where start-up shows beside the
// lean SimPy model.
import { heartbeatJob } from "./heartbeat-job.ts";
import { heartbeatJobShape } from "./shapes.ts";

export default heartbeatJob(heartbeatJobShape.hours[1] * 3600);
