package org.kintsugi.identity;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Add people, set their roles and time zones, and keep at least one administrator. */
@Service
@Transactional
public class UserManagement {

    private final Users users;
    private final PasswordEncoder passwords;
    private final Validator validator;
    private final Clock clock;

    UserManagement(Users users, PasswordEncoder passwords, Validator validator, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.validator = validator;
        this.clock = clock;
    }

    /** Return whether nobody has been added yet, so the first visit must create the administrator. */
    @Transactional(readOnly = true)
    public boolean needsSetup() {
        return users.count() == 0;
    }

    /** Create the first administrator; refused once anyone exists. */
    public UserView createFirstAdmin(String email, String displayName, String password, ZoneId zone) {
        NewUser admin = new NewUser(email, displayName, password, Role.ADMIN);
        check(admin);
        if (!needsSetup()) {
            throw new InvalidInputException("email", "Kintsugi already has an administrator; ask them to add you.");
        }
        return save(admin, zone);
    }

    /** Add a person with a role; their time zone starts as UTC and they can change it. */
    public UserView add(NewUser user) {
        check(user);
        if (users.existsByEmail(User.normalise(user.email()))) {
            throw new InvalidInputException("email", "is already used by another person");
        }
        return save(user, ZoneId.of("UTC"));
    }

    /** Change what a person may do; the last active administrator keeps the role. */
    public UserView changeRole(long userId, Role role) {
        User user = get(userId);
        if (user.role() == Role.ADMIN && role != Role.ADMIN && user.active() && users.countActiveAdmins() == 1) {
            throw new InvalidInputException("role", "Kintsugi needs at least one active administrator.");
        }
        user.changeRole(role);
        return user.view();
    }

    /** Stop a person from signing in; their name stays on everything they wrote. */
    public UserView deactivate(long userId) {
        User user = get(userId);
        if (user.role() == Role.ADMIN && user.active() && users.countActiveAdmins() == 1) {
            throw new InvalidInputException("active", "Kintsugi needs at least one active administrator.");
        }
        user.deactivate();
        return user.view();
    }

    /** Let a deactivated person sign in again. */
    public UserView activate(long userId) {
        User user = get(userId);
        user.activate();
        return user.view();
    }

    /** Set the zone a person enters and reads times in. */
    public UserView changeZone(long userId, String zone) {
        User user = get(userId);
        user.changeZone(zone(zone));
        return user.view();
    }

    /** Return everyone, by name. */
    @Transactional(readOnly = true)
    public List<UserView> all() {
        return users.findAll().stream()
                .map(User::view)
                .sorted(Comparator.comparing(UserView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Return the display names of these people, by id; an id of no one is left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        users.findAllById(Set.copyOf(userIds))
                .forEach(u -> names.put(u.view().id(), u.view().displayName()));
        return names;
    }

    /** Return one person. */
    @Transactional(readOnly = true)
    public UserView find(long userId) {
        return get(userId).view();
    }

    /** Parse a zone id such as {@code Europe/Copenhagen}, naming the field when it is not one. */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException("zone", "'" + zone + "' is not a time zone (try Europe/Berlin or UTC)");
        }
    }

    private UserView save(NewUser user, ZoneId zone) {
        User saved = users.save(new User(
                user.email(),
                user.displayName(),
                passwords.encode(user.password()),
                user.role() == null ? Role.VIEWER : user.role(),
                zone,
                clock.instant()));
        return saved.view();
    }

    private User get(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId));
    }

    private void check(NewUser user) {
        Set<ConstraintViolation<NewUser>> violations = validator.validate(user);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
    }
}
