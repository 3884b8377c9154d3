package io.mita.common.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its defaults, except that header names, header values and parameter
 * names are checked by {@link FirewallCharacters} (the same rules without regular expressions). Spring
 * Security's {@code WebFilterChainProxy} takes the {@link ServerWebExchangeFirewall} bean; without this
 * configuration (e.g. {@code spring.autoconfigure.exclude}) it builds the default one, which rejects exactly
 * the same requests.
 */
@AutoConfiguration(before = MitaSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class MitaFirewallAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall mitaServerWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedHeaderValue);
        firewall.setAllowedParameterNames(FirewallCharacters::isAllowedName);
        return firewall;
    }
}
