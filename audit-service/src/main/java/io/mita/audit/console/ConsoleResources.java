package io.mita.audit.console;

import org.springframework.beans.factory.ObjectProvider;
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
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebFluxConfigurer {

    /** Where the console is served, on audit-service and through the gateway. */
    static final String PATH = "/audit/console";

    static final Resource PAGE = new ClassPathResource("console/index.html");

    static final CacheControl CACHE_CONTROL = CacheControl.noCache();

    private final ContentEtags etags;

    /**
     * A web slice test of another controller loads every {@code WebFluxConfigurer} but not this package's components,
     * so the ETags fall back to an instance of their own there.
     */
    ConsoleResources(ObjectProvider<ContentEtags> etags) {
        this.etags = etags.getIfAvailable(ContentEtags::new);
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
