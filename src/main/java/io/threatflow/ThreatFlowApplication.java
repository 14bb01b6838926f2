package io.threatflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ThreatFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThreatFlowApplication.class, args);
    }
}
