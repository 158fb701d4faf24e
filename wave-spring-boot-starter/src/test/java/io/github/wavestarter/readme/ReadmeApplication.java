package io.github.wavestarter.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the README's snippets run in. */
@SpringBootApplication
class ReadmeApplication {

}
