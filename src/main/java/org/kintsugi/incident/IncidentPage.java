package org.kintsugi.incident;

import java.util.List;

/** An incident and its activity log, newest first, as its page shows them. */
public record IncidentPage(IncidentView incident, List<ActivityView> activity) {}
