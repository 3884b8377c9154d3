package io.mita.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each case starts {@link EventLoopProbe} in a JVM of its own, with the processor count fixed by
 * {@code -XX:ActiveProcessorCount} so that Reactor Netty's own default (max(processors, 4)) differs from MITA's.
 */
class ReactorNettyEventLoopsIT {

    @Test
    void onTwoProcessorsTheServerAndTheDatabaseDriverRunTwoEventLoopsEachWhereReactorNettyWouldRunFour()
            throws Exception {
        assertThat(probe(2, List.of(), Map.of())).isEqualTo("event-loops server=2 tcp=2");
    }

    @Test
    void onOneProcessorTheyRunTwoEventLoopsEach() throws Exception {
        assertThat(probe(1, List.of(), Map.of())).isEqualTo("event-loops server=2 tcp=2");
    }

    @Test
    void onSixProcessorsTheyRunSixEventLoopsEach() throws Exception {
        assertThat(probe(6, List.of(), Map.of())).isEqualTo("event-loops server=6 tcp=6");
    }

    @Test
    void theOperatorsMitaIoWorkersGivesTheCount() throws Exception {
        assertThat(probe(2, List.of(), Map.of("MITA_IO_WORKERS", "3"))).isEqualTo("event-loops server=3 tcp=3");
    }

    @Test
    void theOperatorsReactorNettySystemPropertyWinsOverMitaIoWorkersAndTheProcessors() throws Exception {
        assertThat(probe(2, List.of("-Dreactor.netty.ioWorkerCount=4"), Map.of("MITA_IO_WORKERS", "3")))
                .isEqualTo("event-loops server=4 tcp=4");
    }

    private static String probe(int processors, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ActiveProcessorCount=" + processors);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xmx128m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EventLoopProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove(ReactorNettyEventLoops.MITA_IO_WORKERS);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith(EventLoopProbe.REPORT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report from the probe:\n" + output));
    }
}
