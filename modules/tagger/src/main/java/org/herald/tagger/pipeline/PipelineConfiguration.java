package org.herald.tagger.pipeline;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.herald.tagger.tagging.Tagger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the pipeline: the use-case and the listener that feeds it.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    TaggingAnnouncements taggingAnnouncements(Tagger tagger) {
        return new TaggingAnnouncements(tagger, Clock.systemUTC());
    }

    @Bean
    AnnouncementListener announcementListener(TaggingAnnouncements tagging, KafkaTemplate<Object, Object> template,
            MeterRegistry meters) {
        return new AnnouncementListener(tagging, template, meters);
    }

}
