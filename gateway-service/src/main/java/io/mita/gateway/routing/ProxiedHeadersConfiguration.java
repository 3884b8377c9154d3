package io.mita.gateway.routing;

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
 * {@link HopByHopAndForwardedHeadersFilter} in place of Spring Cloud Gateway's three removal filters (issue 14,
 * "seventh pass"). Gateway 5.0 has no property that turns them off: {@code removeHopByHopHeadersFilter} is registered
 * unconditionally, the other two exactly when Spring's {@code ForwardedHeadersFilter} / {@code XForwardedHeadersFilter}
 * are not (its trusted-proxies conditions), and overriding a bean by name needs
 * {@code spring.main.allow-bean-definition-overriding=true}, which would silence every accidental duplicate in the
 * context. So their bean definitions are removed, by type, before any bean is made.
 */
@Configuration(proxyBeanMethods = false)
class ProxiedHeadersConfiguration {

    /** The filters {@link HopByHopAndForwardedHeadersFilter} replaces. */
    static final List<Class<? extends HttpHeadersFilter>> REPLACED = List.of(
            RemoveHopByHopHeadersFilter.class, RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class);

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
     * i.e. when its filters that keep a trusted proxy's headers are absent.
     */
    @Bean
    HopByHopAndForwardedHeadersFilter requestHeadersNotPassedOn(
            Environment environment,
            ObjectProvider<ForwardedHeadersFilter> forwarded,
            ObjectProvider<XForwardedHeadersFilter> xForwarded) {
        RemoveHopByHopHeadersFilter hopByHop = configuredHopByHop(environment);
        return HopByHopAndForwardedHeadersFilter.forRequests(
                hopByHop.getHeaders(),
                forwarded.getIfAvailable() == null,
                xForwarded.getIfAvailable() == null,
                hopByHop.getOrder());
    }

    @Bean
    HopByHopAndForwardedHeadersFilter responseHeadersNotPassedOn(Environment environment) {
        RemoveHopByHopHeadersFilter hopByHop = configuredHopByHop(environment);
        return HopByHopAndForwardedHeadersFilter.forResponses(hopByHop.getHeaders(), hopByHop.getOrder());
    }

    /**
     * The hop-by-hop set and order as Spring binds them: its own class (never registered as a bean), bound from the
     * prefix of its own {@code @ConfigurationProperties} (its setter lower-cases the names; its defaults otherwise).
     */
    static RemoveHopByHopHeadersFilter configuredHopByHop(Environment environment) {
        String prefix = MergedAnnotations.from(RemoveHopByHopHeadersFilter.class)
                .get(ConfigurationProperties.class)
                .getString("prefix");
        RemoveHopByHopHeadersFilter configured = new RemoveHopByHopHeadersFilter();
        Binder.get(environment).bind(prefix, Bindable.ofInstance(configured));
        return configured;
    }
}
