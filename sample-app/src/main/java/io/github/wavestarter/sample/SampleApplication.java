package io.github.wavestarter.sample;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Prints who the Wave credentials belong to, the AWS accounts and a report of this
 * month's AWS costs, then exits. Runs against the in-process emulator unless the
 * {@code wave} profile is active (see {@link DemoBackend}).
 */
@SpringBootApplication
public class SampleApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Runs the sample and exits with its exit code (0 after a report, 1 if the API
	 * failed).
	 * @param args Spring Boot arguments, e.g. {@code --spring.profiles.active=wave}
	 */
	public static void main(String[] args) {
		System.exit(SpringApplication.exit(run(args)));
	}

	/**
	 * Runs the sample; the report has been printed when this returns.
	 * @param args Spring Boot arguments
	 * @return the context, still open: close it or pass it to
	 * {@link SpringApplication#exit}
	 */
	public static ConfigurableApplicationContext run(String... args) {
		return application().run(args);
	}

	/**
	 * @return the application with the demo-backend switch registered
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.addListeners(new DemoBackend());
		return application;
	}

}
