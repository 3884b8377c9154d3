package io.mita.gateway.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The route (downstream service) a request belongs to, also for requests refused before routing
 * (401 from the token check, 429): the route the gateway matched, else the first route whose paths
 * match, else {@code none}. A small fixed set of names, fit for metrics and aggregation keys.
 */
@Component
public class RouteNames {

    public static final String NONE = "none";

    private final Map<String, RequestPatterns> routes = new LinkedHashMap<>();

    RouteNames(GatewayRoutesProperties properties) {
        properties.routes().forEach((id, route) -> routes.put(id, RequestPatterns.of(route.paths(), List.of())));
    }

    public String of(ServerWebExchange exchange) {
        Route matched = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (matched != null) {
            return matched.getId();
        }
        var path = exchange.getRequest().getPath().pathWithinApplication();
        for (Map.Entry<String, RequestPatterns> route : routes.entrySet()) {
            if (route.getValue().matchesPath(path)) {
                return route.getKey();
            }
        }
        return NONE;
    }
}
