package org.kintsugi.sharing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Let each person choose what they are mailed, reach their own feed, and unsubscribe from a mail's link. */
@Service
@Transactional
public class SubscriptionManagement {

    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriptionManagement(Subscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Return a person's own subscription, made (subscribed to nothing) the first time. */
    public SubscriptionView of(long personId) {
        return subscriptions.of(personId, clock.instant()).view();
    }

    /**
     * Change what a person is mailed; {@code expectedVersion}, when given, must be the version they read.
     *
     * @throws org.kintsugi.shared.InvalidInputException naming {@code scope} or {@code items}
     */
    public SubscriptionView change(long personId, @Nullable Long expectedVersion, String scope, List<String> items) {
        Scope chosen = Scope.parse(scope, "scope");
        List<String> values = chosen.items(items, "items");
        SubscriptionView current = of(personId);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (!subscriptions.change(personId, version, chosen, values, clock.instant())) {
            throw new StaleVersionException(
                    "your subscription", version, of(personId).version());
        }
        return of(personId);
    }

    /** Give a person a new feed token; the old one stops working at once. */
    public SubscriptionView newFeedToken(long personId) {
        of(personId);
        subscriptions.newFeedToken(personId, clock.instant());
        return of(personId);
    }

    /** Return whose feed this token opens. */
    @Transactional(readOnly = true)
    public Optional<Long> personWithFeedToken(String token) {
        return token.isBlank() || token.length() > 100 ? Optional.empty() : subscriptions.personWithFeedToken(token);
    }

    /** Stop every mail to the person whose unsubscribe link this is; return who it was. */
    public Optional<Long> unsubscribe(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> person = subscriptions.personWithUnsubscribeToken(token);
        person.ifPresent(id -> {
            SubscriptionView current = of(id);
            subscriptions.change(id, current.version(), Scope.NONE, List.of(), clock.instant());
        });
        return person;
    }
}
