package org.kintsugi.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.signin.FailedSignIn;
import org.kintsugi.identity.signin.SignInThrottle;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Failed sign-ins and locks, for administrators. */
@RestController
@RequestMapping("/api/v1/sign-ins")
class SignInApi {

    static final int MAX_LIMIT = 1000;

    private final SignInThrottle throttle;

    SignInApi(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/failures")
    List<FailedSignIn> failures(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit)));
        }
        return throttle.recent(limit);
    }

    @PostMapping("/lift")
    Lifted lift(@RequestBody LiftRequest request) {
        return new Lifted(throttle.lift(request.email(), request.address()));
    }

    record LiftRequest(@Nullable String email, @Nullable String address) {}

    record Lifted(int failuresSetAside) {}
}
