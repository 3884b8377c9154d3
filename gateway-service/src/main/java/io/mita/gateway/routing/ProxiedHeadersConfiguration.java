package io.mita.gateway.routing;

import io.micrometer.tracing.propagation.Propagator;
import io.mita.gateway.caller.ClientAddressResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;

/**
 * The gateway's filters of proxied headers: for requests {@link ProxiedRequestHeadersFilter} (the removal Spring Cloud
 * Gateway's three removal filters did, then the gateway's own writes, in at most one copy: issue 14, "eighth pass"),
 * for responses {@link HopByHopAndForwardedHeadersFilter} (issue 14, "seventh pass"). Gateway 5.0 has no property that
 * turns Spring's three off: {@code removeHopByHopHeadersFilter} is registered unconditionally, the other two exactly
 * when Spring's {@code ForwardedHeadersFilter} / {@code XForwardedHeadersFilter} are not (its trusted-proxies
 * conditions), and overriding a bean by name needs {@code spring.main.allow-bean-definition-overriding=true}, which
 * would silence every accidental duplicate in the context. So their bean definitions are removed, by type, before any
 * bean is made. Spring's hop-by-hop settings are bound once, here, for both filters.
 */
@Configuration(proxyBeanMethods = false)
class ProxiedHeadersConfiguration {

    /** The filters {@link HopByHopAndForwardedHeadersFilter} replaces. */
    static final List<Class<? extends HttpHeadersFilter>> REPLACED = List.of(
            RemoveHopByHopHeadersFilter.class, RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class);

    /** Spring's hop-by-hop set and order as configured: bound once, read by both filters. */
    private final RemoveHopByHopHeadersFilter hopByHop;

    ProxiedHeadersConfiguration(Environment environment) {
        this.hopByHop = configuredHopByHop(environment);
    }

    @Bean
    static BeanFactoryPostProcessor withoutSpringsHeaderRemovalFilters() {
        return beanFactory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
            for (Class<?> replaced : REPLACED) {
                for (String name : beanFactory.getBeanNamesForType(replaced, true, false)) {
                    registry.removeBeanDefinition(name);
                }
            }
        };
    }

    /**
     * {@code Forwarded} and {@code X-Forwarded-*} are dropped when Spring would have registered its removal filters,
     * i.e. when its filters that keep a trusted proxy's headers are absent; the client's address is written as
     * {@code X-Forwarded-For} then too (with Spring's {@code XForwardedHeadersFilter} present, the X-Forwarded headers
     * are its business).
     */
    @Bean
    ProxiedRequestHeadersFilter proxiedRequestHeaders(
            ObjectProvider<ForwardedHeadersFilter> forwarded,
            ObjectProvider<XForwardedHeadersFilter> xForwarded,
            ObjectProvider<Propagator> propagator,
            ClientAddressResolver addresses) {
        boolean dropsXForwarded = xForwarded.getIfAvailable() == null;
        HopByHopAndForwardedHeadersFilter removal = HopByHopAndForwardedHeadersFilter.forRequests(
                hopByHop.getHeaders(), forwarded.getIfAvailable() == null, dropsXForwarded, hopByHop.getOrder());
        List<ProxiedRequestHeaderEdit> edits = new ArrayList<>(List.of(
                new IdentityHeaders(),
                new CorrelationIdHeader(),
                new TraceContextHeaders(propagator.getIfAvailable(() -> Propagator.NOOP))));
        if (dropsXForwarded) {
            edits.add(new ClientAddressHeader(addresses));
        }
        return new ProxiedRequestHeadersFilter(removal, edits, hopByHop.getOrder());
    }

    @Bean
    HopByHopAndForwardedHeadersFilter responseHeadersNotPassedOn() {
        return HopByHopAndForwardedHeadersFilter.forResponses(hopByHop.getHeaders(), hopByHop.getOrder());
    }

    /**
     * The hop-by-hop set and order as Spring binds them: its own class (never registered as a bean), bound from the
     * prefix of its own {@code @ConfigurationProperties} (its setter lower-cases the names; its defaults otherwise).
     * The instance gets its own copy of the default set first: a new instance holds Spring's static
     * {@code HEADERS_REMOVED_ON_REQUEST} itself, and the binder fills a configured set into the collection it finds
     * (cleared), which would change Spring's default for every later instance in the JVM.
     */
    static RemoveHopByHopHeadersFilter configuredHopByHop(Environment environment) {
        String prefix = MergedAnnotations.from(RemoveHopByHopHeadersFilter.class)
                .get(ConfigurationProperties.class)
                .getString("prefix");
        RemoveHopByHopHeadersFilter configured = new RemoveHopByHopHeadersFilter();
        configured.setHeaders(new HashSet<>(configured.getHeaders()));
        Binder.get(environment).bind(prefix, Bindable.ofInstance(configured));
        return configured;
    }
}
