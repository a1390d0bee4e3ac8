package org.herald.systemtests;

import org.herald.systemtests.cluster.HeraldCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one {@link HeraldCluster} for the whole run: started by the first
 * class that asks, kept in the root context's store, and closed — every process reaped —
 * when the run ends, whether tests passed or failed.
 */
final class SharedCluster implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeraldCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(HeraldCluster.class, (key) -> started(), HeraldCluster.class);
    }

    private static HeraldCluster started() {
        long start = System.nanoTime();
        HeraldCluster cluster = HeraldCluster.start();
        Figures.print(cluster.work(), "cluster", "broker, PostgreSQL, SMTP, publisher, tagger and notifier up in "
                + Figures.seconds(start, System.nanoTime()));
        return cluster;
    }

}
