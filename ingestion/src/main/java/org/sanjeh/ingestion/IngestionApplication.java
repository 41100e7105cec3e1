package org.sanjeh.ingestion;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The intake API: {@code POST /v1/events} onto Kafka. Started by {@code IngestionCli serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestionApplication {}
