package org.kintsugi.postmortem.template;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Put the built-in templates and their rules in place at start-up. */
@Component
class TemplateSetup implements ApplicationRunner {

    private final TemplateCatalogue templates;

    TemplateSetup(TemplateCatalogue templates) {
        this.templates = templates;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        templates.addBuiltIns();
    }
}
