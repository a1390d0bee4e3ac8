package org.herald.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health of the Kafka cluster: up when the brokers answer a cluster description within
 * the timeout.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminConfig;

    private final Duration timeout;

    private volatile AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = Map.copyOf(admin.getConfigurationProperties());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client()
            .describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
        String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
    }

    private AdminClient client() {
        AdminClient current = this.client;
        if (current == null) {
            synchronized (this) {
                if (this.client == null) {
                    Map<String, Object> config = new java.util.HashMap<>(this.adminConfig);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
                    this.client = AdminClient.create(config);
                }
                current = this.client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        AdminClient current = this.client;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }

}
