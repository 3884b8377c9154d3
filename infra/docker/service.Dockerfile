# The image of every MITA service, parameterised by module (docker-compose.yml passes the build args).
# Build context: the repository root; the jars are built first:
#   mvn -B -DskipTests package && docker-compose build
FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT
# Debian packages a service needs at run time (ocr-service: Tesseract with the English model).
ARG APT_PACKAGES=""
RUN if [ -n "$APT_PACKAGES" ]; then \
      apt-get update && apt-get install -y --no-install-recommends $APT_PACKAGES && rm -rf /var/lib/apt/lists/*; \
    fi
# Tesseract's OpenMP threads are slower than one thread per job (known-pitfalls.md).
ENV OMP_THREAD_LIMIT=1
# The production JVM profile (docs/decisions.md, "What one request costs"): the full JIT and a heap sized for
# throughput. docker-compose.yml passes the same by default (MITA_JVM_OPTS / MITA_FULL_JIT_JVM_OPTS override).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -Xms128m -Xmx384m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=128m -XX:+ExitOnOutOfMemoryError -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"
RUN groupadd --system mita && useradd --system --gid mita --home-dir /app --shell /usr/sbin/nologin mita
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER mita
ENV SERVICE_PORT=${PORT}
# only the service port: the management port (actuator, API docs) is reached inside the compose network
EXPOSE ${PORT}
# Readiness (/readyz on the service port) over plain bash (/dev/tcp): no curl or wget needed in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVICE_PORT} && printf 'GET /readyz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
