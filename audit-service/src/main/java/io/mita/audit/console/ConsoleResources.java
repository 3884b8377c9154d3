package io.mita.audit.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The console's scripts, styles and icon: plain files from {@code classpath:/console/}, no build step. Their names
 * carry no content hash, so a browser may keep them but must revalidate each time ({@code no-cache}), answered 304
 * while the file's content ETag is unchanged: a new release is never mixed with an old cached script.
 *
 * <p>This configuration owns the one {@link ContentEtags} the handler and {@link ConsoleController} share. A web
 * slice loads every {@code WebFluxConfigurer}, and with it this bean, so every slice and the application get it the
 * same way.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebFluxConfigurer {

    /** Where the console is served, on audit-service and through the gateway. */
    static final String PATH = "/audit/console";

    static final Resource PAGE = new ClassPathResource("console/index.html");

    static final CacheControl CACHE_CONTROL = CacheControl.noCache();

    private final ContentEtags etags;

    ConsoleResources(ContentEtags etags) {
        this.etags = etags;
    }

    /** Static: the bean exists before this configuration does, which needs it. */
    @Bean
    static ContentEtags contentEtags() {
        return new ContentEtags();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/**")
                .addResourceLocations("classpath:/console/")
                .setCacheControl(CACHE_CONTROL)
                .setUseLastModified(false)
                .setEtagGenerator(etags::of);
    }
}
