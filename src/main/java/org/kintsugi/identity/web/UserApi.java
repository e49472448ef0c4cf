package org.kintsugi.identity.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** People: the caller's own record for everyone, the whole list and changes for administrators. */
@RestController
@RequestMapping("/api/v1")
class UserApi {

    private final UserManagement users;

    UserApi(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal KintsugiPrincipal me) {
        return users.find(me.id());
    }

    @GetMapping("/users")
    List<UserView> all() {
        return users.all();
    }

    @PostMapping("/users")
    ResponseEntity<UserView> add(@RequestBody NewUser user) {
        UserView added = users.add(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + added.id())).body(added);
    }

    @PatchMapping("/users/{id}")
    UserView change(@PathVariable long id, @RequestBody UserChange change) {
        UserView user = users.find(id);
        if (change.role() != null) {
            user = users.changeRole(id, change.role());
        }
        if (change.active() != null) {
            user = change.active() ? users.activate(id) : users.deactivate(id);
        }
        if (change.zone() != null) {
            user = users.changeZone(id, change.zone());
        }
        return user;
    }

    record UserChange(
            @Nullable Role role,
            @Nullable Boolean active,
            @Nullable String zone) {}
}
