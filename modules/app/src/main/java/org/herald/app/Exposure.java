package org.herald.app;

/**
 * Where the all-in-one app's front door listens ({@link ExposureConfiguration}).
 *
 * @param address {@code server.address}
 * @param beyondThisMachine whether it is other than loopback
 */
public record Exposure(String address, boolean beyondThisMachine) {

}
