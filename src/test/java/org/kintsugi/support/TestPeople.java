package org.kintsugi.support;

import java.util.UUID;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.springframework.boot.test.context.TestComponent;

/** Add people with each role for a test, each with an email of their own. */
@TestComponent
public class TestPeople {

    public static final String ADMIN_EMAIL = "admin@kintsugi.test";
    public static final String PASSWORD = "test-password-1";

    private final UserManagement users;

    public TestPeople(UserManagement users) {
        this.users = users;
    }

    public UserView member() {
        return add(Role.MEMBER);
    }

    public UserView viewer() {
        return add(Role.VIEWER);
    }

    public UserView add(Role role) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return users.add(new NewUser(
                role.name().toLowerCase() + "-" + id + "@kintsugi.test", role.label() + " " + id, PASSWORD, role));
    }
}
