package org.kintsugi.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.web.IncidentJson.ActivityResponse;
import org.kintsugi.incident.web.IncidentJson.IncidentRequest;
import org.kintsugi.incident.web.IncidentJson.IncidentResponse;
import org.kintsugi.incident.web.IncidentJson.PageResponse;
import org.kintsugi.incident.web.IncidentJson.ResolveRequest;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.JsonProblems;
import org.kintsugi.shared.RequestJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The incident API: declare, list, read, patch and resolve; every response carries the incident's ETag. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incidents")
class IncidentApi {

    private static final Set<String> WRITABLE = Set.of(
            "title",
            "summary",
            "kind",
            "severity",
            "impact",
            "peopleAffected",
            "services",
            "teams",
            "startedAt",
            "detectedAt",
            "acknowledgedAt",
            "mitigatedAt",
            "resolvedAt");

    private final IncidentManagement incidents;
    private final JsonMapper json;

    IncidentApi(IncidentManagement incidents, JsonMapper json) {
        this.incidents = incidents;
        this.json = RequestJson.strict(json);
    }

    @Operation(summary = "Declare an incident")
    @PostMapping("/incidents")
    ResponseEntity<IncidentResponse> declare(
            @RequestBody IncidentRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        IncidentView incident = incidents.declare(request.details(), me.displayName());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.key()))
                .eTag(ETags.of(incident.version()))
                .body(IncidentResponse.of(incident));
    }

    @Operation(summary = "List incidents", description = "Filters as on the incident list page; paginated.")
    @GetMapping("/incidents")
    PageResponse list(@ModelAttribute IncidentQuery query, @AuthenticationPrincipal KintsugiPrincipal me) {
        return PageResponse.of(incidents.list(query.filter(me.zone())));
    }

    @Operation(summary = "Read one incident by key, e.g. INC-42")
    @GetMapping("/incidents/{key}")
    ResponseEntity<IncidentResponse> get(@PathVariable String key) {
        return withTag(incidents.find(key), HttpStatus.OK);
    }

    @Operation(
            summary = "Change an incident with a JSON merge patch (RFC 7386)",
            description = "Send If-Match with the ETag you read; a stale tag gets 412 and changes nothing.")
    @PatchMapping(
            path = "/incidents/{key}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<?> patch(
            @PathVariable String key,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        long expected = ETags.required(ifMatch, "the incident");
        checkMembers(patch);
        IncidentView current = incidents.find(key);
        JsonNode merged = MergePatch.apply(json.valueToTree(IncidentRequest.of(current)), patch);
        IncidentRequest request;
        try {
            request = json.treeToValue(merged, IncidentRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(JsonProblems.of(e)));
        }
        IncidentView revised = incidents.revise(key, expected, request.details(), me.displayName());
        return withTag(revised, HttpStatus.OK);
    }

    @Operation(summary = "Resolve an incident, at the given moment or now")
    @PostMapping("/incidents/{key}/resolve")
    ResponseEntity<IncidentResponse> resolve(
            @PathVariable String key,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable ResolveRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        List<FieldProblem> problems = new ArrayList<>();
        var at = IncidentJson.moment("resolvedAt", request == null ? null : request.resolvedAt(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var expected = ETags.version(ifMatch);
        Long version = expected.isPresent() ? expected.getAsLong() : null;
        return withTag(incidents.resolve(key, version, at, me.displayName()), HttpStatus.OK);
    }

    @Operation(summary = "Read an incident's activity log, newest first")
    @GetMapping("/incidents/{key}/activity")
    List<ActivityResponse> activity(@PathVariable String key) {
        return incidents.activity(key).stream().map(ActivityResponse::of).toList();
    }

    @Operation(summary = "List every service named on an incident so far")
    @GetMapping("/services")
    List<String> services() {
        return incidents.services();
    }

    @Operation(summary = "List every team named on an incident so far")
    @GetMapping("/teams")
    List<String> teams() {
        return incidents.teams();
    }

    private static ResponseEntity<IncidentResponse> withTag(IncidentView incident, HttpStatus status) {
        return ResponseEntity.status(status).eTag(ETags.of(incident.version())).body(IncidentResponse.of(incident));
    }

    private static void checkMembers(JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidInputException("body", "a merge patch for an incident must be a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : patch.propertyNames()) {
            if (!WRITABLE.contains(name)) {
                problems.add(new FieldProblem(
                        name,
                        "cannot be changed (writable fields: "
                                + String.join(", ", WRITABLE.stream().sorted().toList()) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
