package org.marketflow.benchmarks.flink;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobSubmissionResult;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One in-process Flink cluster for every measured job. {@code createLocalEnvironment()} would start
 * a MiniCluster per job and put its start-up into each timing; here it starts once.
 */
public final class LocalFlinkCluster implements AutoCloseable {

  private final MiniCluster miniCluster;
  private final int parallelism;

  /** A finished job: its result (with accumulators) and its wall time. */
  public record Execution(JobExecutionResult result, Duration wall) {}

  private LocalFlinkCluster(MiniCluster miniCluster, int parallelism) {
    this.miniCluster = miniCluster;
    this.parallelism = parallelism;
  }

  /** A cluster of one task manager with {@code parallelism} slots. */
  public static LocalFlinkCluster start(int parallelism) throws Exception {
    Configuration config = new Configuration();
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_PORT, "0");
    MiniCluster miniCluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(parallelism)
                .build());
    miniCluster.start();
    return new LocalFlinkCluster(miniCluster, parallelism);
  }

  public int parallelism() {
    return parallelism;
  }

  /**
   * A fresh environment for one job on this cluster; checkpointing stays off. Its own {@code
   * executeAsync}, and with it {@code executeAndCollect}, runs the job on this cluster too.
   */
  public StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    config.set(DeploymentOptions.TARGET, ClusterExecutors.NAME);
    return new StreamExecutionEnvironment(
        new ClusterExecutors(), config, LocalFlinkCluster.class.getClassLoader());
  }

  /** Submits {@code graph}, whose user-defined instances must be serialized already. */
  private CompletableFuture<JobID> submit(StreamGraph graph) {
    return miniCluster.submitJob(graph).thenApply(JobSubmissionResult::getJobID);
  }

  /**
   * Runs what was added to {@code env} and waits for it to finish. The wall time runs from handing
   * the job to the cluster to receiving its result: scheduling, deployment, the run and tear-down,
   * but not building the graph (nor, for SQL, planning).
   */
  public Execution execute(StreamExecutionEnvironment env, String jobName) throws Exception {
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(jobName);
    graph.serializeUserDefinedInstances();
    long start = System.nanoTime();
    JobID jobId = submit(graph).get();
    JobResult result = miniCluster.requestJobResult(jobId).get();
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new Execution(
        result.toJobExecutionResult(LocalFlinkCluster.class.getClassLoader()), wall);
  }

  /** Starts what was added to {@code env} and returns at once: a job that runs until cancelled. */
  public JobID submit(StreamExecutionEnvironment env, String jobName) throws Exception {
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(jobName);
    graph.serializeUserDefinedInstances();
    return submit(graph).get();
  }

  public void cancel(JobID job) throws Exception {
    miniCluster.cancelJob(job).get();
  }

  @Override
  public void close() throws Exception {
    miniCluster.close();
  }

  /**
   * The executor of this cluster's environments: submits their stream graph to the cluster, and
   * gives a client through which collecting sinks stream their records back.
   */
  private final class ClusterExecutors
      implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {

    private static final String NAME = "marketflow-benchmark-cluster";

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
      return this;
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(NAME);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
      return true;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
      return this;
    }

    @Override
    public CompletableFuture<JobClient> execute(
        Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader)
        throws IOException {
      StreamGraph graph = (StreamGraph) pipeline;
      graph.serializeUserDefinedInstances();
      return submit(graph)
          .thenApply(
              job ->
                  new MiniClusterJobClient(
                      job,
                      miniCluster,
                      userCodeClassLoader,
                      MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
    }
  }
}
