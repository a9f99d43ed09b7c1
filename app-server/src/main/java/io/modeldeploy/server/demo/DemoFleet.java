package io.modeldeploy.server.demo;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.model.DeploymentStatus.CREATED;
import static io.modeldeploy.model.DeploymentStatus.DELETED;
import static io.modeldeploy.model.DeploymentStatus.DELETING;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static io.modeldeploy.model.DeploymentStatus.UNKNOWN;

/**
 * The demo fleet: 25 deployments in three workspaces, every status, several with more versions,
 * histories reaching back days, as the NeMo models controller would have written them.
 */
final class DemoFleet {

    /** One step of a version's life: {@code after} is the time since the previous step. */
    record Step(Duration after, DeploymentStatus status, String message, String actor) {
    }

    record Version(String config, int configVersion, Duration age, List<Step> steps, boolean withProvider) {
    }

    record Deployment(String workspace, String name, String project, List<Version> versions) {
    }

    static final String CONTROLLER = "demo-controller";
    static final String ADMIN = "alice";

    private DemoFleet() {
    }

    static List<Deployment> deployments() {
        List<Deployment> fleet = new ArrayList<>();
        String prod = "prod-inference";
        fleet.add(d(prod, "llama-3.1-70b-instruct", "chat",
                v("llama-3.1-70b-nim", 2, days(9), serving("4x H100", minutes(7)), true),
                v("llama-3.1-70b-nim", 3, days(2), List.of(
                        step(minutes(1), PENDING, "Pulling image nvcr.io/nim/meta/llama-3.1-70b-instruct:1.3.3"),
                        step(minutes(6), PENDING, "Loading weights (8 shards)"),
                        step(minutes(4), READY, "Health check passed; serving on 4x H100"),
                        step(hours(20), ERROR, "Pod llama-3-1-70b-7c9f crashed: CUDA out of memory while allocating KV cache"),
                        admin(minutes(9), PENDING, "Restarting with max_model_len=32768"),
                        step(minutes(5), READY, "Health check passed after restart"),
                        step(hours(6), READY, "Scaled to 3 replicas for the evening peak")), true)));
        fleet.add(d(prod, "llama-3.1-8b-instruct", "chat",
                v("llama-3.1-8b-nim", 1, days(12), serving("1x L40S", minutes(3)), true)));
        fleet.add(d(prod, "mixtral-8x7b-instruct", "chat",
                v("mixtral-nim", 1, hours(3), List.of(
                        step(minutes(1), PENDING, "Scheduling pod: waiting for 2 free GPUs on pool a100-80g")), false)));
        fleet.add(d(prod, "nemotron-mini-4b", "chat",
                v("nemotron-nim", 1, days(5), withTail(serving("1x A10G", minutes(2)),
                        step(days(2), LOST, "Node gpu-node-07 stopped reporting; deployment unreachable")), true)));
        fleet.add(d(prod, "nv-embedqa-e5-v5", "retrieval",
                v("embedqa-nim", 1, days(20), serving("1x A10G", minutes(2)), true),
                v("embedqa-nim", 2, days(4), withTail(serving("1x L4", minutes(2)),
                        step(hours(30), READY, "Autoscaled to 4 replicas (p95 latency 180 ms)")), true)));
        fleet.add(d(prod, "nv-rerankqa-mistral-4b", "retrieval",
                v("rerank-nim", 1, days(6), serving("1x L4", minutes(3)), true)));
        fleet.add(d(prod, "llama-guard-3-8b", "safety",
                v("guard-nim", 1, days(3), withTail(serving("1x L40S", minutes(4)),
                        admin(hours(40), DELETING, "Deployment deletion requested")), false)));
        fleet.add(d(prod, "codellama-34b", "tools",
                v("codellama-nim", 1, days(15), withTail(serving("2x A100", minutes(6)),
                        admin(days(3), DELETING, "Deployment deletion requested"),
                        step(minutes(2), DELETED, "Backend resources removed")), false)));
        fleet.add(d(prod, "phi-3-medium", "chat",
                v("phi3-nim", 1, hours(1), List.of(), false)));

        String research = "research";
        fleet.add(d(research, "qwen2.5-coder-32b", "code-eval",
                v("qwen-vllm", 1, days(4), List.of(
                        step(minutes(1), PENDING, "Pulling image vllm/vllm-openai:v0.6.3"),
                        step(minutes(3), ERROR, "Failed to create deployment research/qwen2.5-coder-32b: image pull backoff (manifest unknown)")), false),
                v("qwen-vllm", 2, days(1), withTail(serving("2x A100", minutes(8)),
                        step(hours(5), READY, "Benchmark run finished; keeping warm")), true)));
        fleet.add(d(research, "olmo-2-13b", "pretraining",
                v("olmo-vllm", 1, days(2), List.of(
                        step(minutes(1), PENDING, "Pulling image"),
                        step(minutes(2), UNKNOWN, "Unable to determine deployment status (attempt 2/5). Backend timed out.")), false)));
        fleet.add(d(research, "gemma-2-27b", "eval",
                v("gemma-vllm", 1, days(11), serving("2x L40S", minutes(5)), true),
                v("gemma-vllm", 2, days(7), serving("2x L40S", minutes(5)), true),
                v("gemma-vllm", 3, days(3), serving("1x H100", minutes(5)), true),
                v("gemma-vllm", 4, hours(2), List.of(
                        step(minutes(1), PENDING, "Pulling image vllm/vllm-openai:v0.6.4"),
                        step(minutes(4), PENDING, "Loading weights (3/4 shards)")), false)));
        fleet.add(d(research, "deepseek-r1-distill-32b", "reasoning",
                v("deepseek-vllm", 1, days(3), withTail(serving("2x H100", minutes(9)),
                        step(hours(14), LOST, "Node gpu-node-12 was preempted"),
                        step(minutes(5), PENDING, "Recovery attempt 1/5: rescheduling on a new node"),
                        step(minutes(7), READY, "Recovered on gpu-node-03")), true)));
        fleet.add(d(research, "starcoder2-15b", "code-eval",
                v("starcoder-vllm", 1, days(10), withTail(serving("1x A100", minutes(4)),
                        step(days(6), ERROR, "Readiness probe failed 5 times: HTTP 503 from /v1/health/ready")), false)));
        fleet.add(d(research, "mistral-nemo-12b", "eval",
                v("nemo-vllm", 1, minutes(20), List.of(), false)));
        fleet.add(d(research, "granite-3-8b", "eval",
                v("granite-vllm", 1, days(8), serving("1x L40S", minutes(3)), true),
                v("granite-vllm", 2, days(1), withTail(serving("1x L40S", minutes(3)),
                        admin(hours(8), DELETING, "Deployment deletion requested"),
                        step(minutes(1), DELETED, "Backend resources removed")), false)));
        fleet.add(d(research, "llava-next-34b", "multimodal",
                v("llava-vllm", 1, hours(20), List.of(
                        step(minutes(1), PENDING, "Pulling image"),
                        step(minutes(12), ERROR, "Pod llava-next-34b-6d8f7c9b5-x2k4q OOMKilled (memory limit 96Gi)"),
                        step(hours(10), UNKNOWN, "Unable to determine deployment status (attempt 1/5).")), false)));

        String nlp = "team-nlp";
        fleet.add(d(nlp, "bge-reranker-v2", "search",
                v("bge-generic", 1, days(14), serving("1x T4", minutes(2)), true)));
        fleet.add(d(nlp, "e5-mistral-7b", "search",
                v("e5-generic", 1, days(6), withTail(serving("1x L4", minutes(3)),
                        step(days(2), READY, "Scaled to 2 replicas")), true)));
        fleet.add(d(nlp, "nllb-200-3b", "translation",
                v("nllb-generic", 1, days(5), List.of(
                        step(minutes(1), PENDING, "Pulling image"),
                        step(minutes(4), ERROR, "Failed to create deployment team-nlp/nllb-200-3b: quota exceeded for nvidia.com/gpu in namespace team-nlp")), false),
                v("nllb-generic", 2, days(5).minus(hours(2)), serving("1x A10G", minutes(4)), true)));
        fleet.add(d(nlp, "whisper-large-v3", "speech",
                v("whisper-generic", 1, days(2), withTail(serving("1x A10G", minutes(2)),
                        step(hours(30), LOST, "Node gpu-node-21 NotReady for 5 minutes")), true)));
        fleet.add(d(nlp, "t5-xxl-summarizer", "summaries",
                v("t5-generic", 1, minutes(45), List.of(
                        step(minutes(1), PENDING, "Scheduling pod: waiting for a free GPU")), false)));
        fleet.add(d(nlp, "sentiment-distilbert", "classification",
                v("distilbert-generic", 1, days(30), serving("CPU", minutes(1)), true),
                v("distilbert-generic", 2, days(9), withTail(serving("CPU", minutes(1)),
                        admin(days(1), DELETING, "Deployment deletion requested")), false)));
        fleet.add(d(nlp, "ner-multilingual", "classification",
                v("ner-generic", 1, hours(6), List.of(
                        step(minutes(1), PENDING, "Pulling image")), false)));
        fleet.add(d(nlp, "labse-embeddings", "search",
                v("labse-generic", 1, days(3), serving("1x T4", minutes(2)), true)));
        return fleet;
    }

    private static Deployment d(String workspace, String name, String project, Version... versions) {
        return new Deployment(workspace, name, project, List.of(versions));
    }

    private static Version v(String config, int configVersion, Duration age, List<Step> steps, boolean withProvider) {
        return new Version(config, configVersion, age, steps, withProvider);
    }

    /** The usual path to READY: pull, load, health check. */
    private static List<Step> serving(String hardware, Duration loading) {
        return List.of(
                step(minutes(1), PENDING, "Pulling image"),
                step(loading, PENDING, "Loading weights"),
                step(minutes(1), READY, "Health check passed; serving on " + hardware));
    }

    private static List<Step> withTail(List<Step> start, Step... tail) {
        List<Step> all = new ArrayList<>(start);
        all.addAll(List.of(tail));
        return all;
    }

    private static Step step(Duration after, DeploymentStatus status, String message) {
        return new Step(after, status, message, CONTROLLER);
    }

    private static Step admin(Duration after, DeploymentStatus status, String message) {
        return new Step(after, status, message, ADMIN);
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
