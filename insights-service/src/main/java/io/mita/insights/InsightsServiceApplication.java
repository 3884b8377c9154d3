package io.mita.insights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InsightsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsightsServiceApplication.class, args);
    }
}
