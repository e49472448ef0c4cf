package org.kintsugi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Start Kintsugi: one process, an embedded H2 database and everything a single node keeps under the data dir. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class KintsugiApplication {

    public static void main(String[] args) {
        SpringApplication.run(KintsugiApplication.class, args);
    }
}
