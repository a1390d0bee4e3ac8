package org.herald.support;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the admin endpoints, common to every service.
 *
 * @param adminApiKeys {@code herald.admin-api-keys}: bearer keys accepted by every admin
 * endpoint; none configured means every admin endpoint answers 401
 */
@ConfigurationProperties("herald")
public record AdminProperties(List<String> adminApiKeys) {

    public AdminProperties {
        adminApiKeys = (adminApiKeys != null) ? List.copyOf(adminApiKeys) : List.of();
    }

    @Override
    public String toString() {
        return "AdminProperties[adminApiKeys=" + this.adminApiKeys.size() + " key(s), hidden]";
    }

}
