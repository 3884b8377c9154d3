package io.mita.common.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * The Commons Logging factory of every MITA process (registered through {@code
 * META-INF/services/org.apache.commons.logging.LogFactory}, which Commons Logging consults before
 * its built-in SLF4J detection): the SLF4J factory Commons Logging would have chosen, with each
 * {@link Log} wrapped in a {@link LevelCheckedLog}.
 *
 * <p>Why: since Spring Framework 7 the Spring portfolio logs through Apache Commons Logging 1.3,
 * whose SLF4J adapter turns every message into a String before SLF4J checks the level. Spring's
 * lazy {@code LogMessage} relies on that check happening first, so each disabled {@code
 * logger.debug(LogMessage.format(...))} in a request path (Spring Security's matchers, Spring Cloud
 * Gateway's filters) formatted its text anyway: about half of the gateway's allocation under load
 * (bench/RESULTS.md, issue 14; spring-projects/spring-framework#37266).
 */
public final class LevelCheckedLogFactory extends LogFactory {

    private final LogFactory slf4j = new Slf4jLogFactory();

    @Override
    public Log getInstance(String name) {
        return new LevelCheckedLog(slf4j.getInstance(name));
    }

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void release() {
        slf4j.release();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }
}
