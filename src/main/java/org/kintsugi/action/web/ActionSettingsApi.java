package org.kintsugi.action.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.kintsugi.action.settings.ActionPolicy;
import org.kintsugi.action.settings.ActionSettingsView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The follow-through rules over HTTP; changing them needs an administrator. */
@RestController
@RequestMapping("/api/v1/action-settings")
@Tag(name = "Action items")
class ActionSettingsApi {

    private final ActionPolicy policy;

    ActionSettingsApi(ActionPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    ActionSettingsView current() {
        return policy.current();
    }

    @PutMapping
    ActionSettingsView change(@RequestBody ActionSettingsView wanted) {
        return policy.change(wanted);
    }
}
