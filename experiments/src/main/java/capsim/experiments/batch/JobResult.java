package capsim.experiments.batch;

import capsim.models.system.ReplicationResult;

/** What a job gave: the replication's result, and the wall-clock seconds it took to simulate. */
public record JobResult(ReplicationResult result, double wallS) {
}
