package org.herald.tagger;

import org.herald.support.ServiceDefaults;
import org.herald.tagger.evaluation.EvaluationCommand;
import org.herald.tagger.evaluation.FitCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The relevance tagger: announcements in, tagged announcements out. Run with
 * {@code evaluate ...} as first argument, it runs the {@link EvaluationCommand} instead
 * and starts no server, broker client or Spring context; with {@code fit ...}, the
 * {@link FitCommand}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource(value = "classpath:herald-tagger.yml", factory = ServiceDefaults.class)
public class TaggerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && EvaluationCommand.NAME.equals(args[0])) {
            System.exit(new EvaluationCommand(System.out, System.err).run(args));
        }
        if (args.length > 0 && FitCommand.NAME.equals(args[0])) {
            System.exit(new FitCommand(System.out, System.err).run(args));
        }
        SpringApplication.run(TaggerApplication.class, args);
    }

}
