package org.kintsugi.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.servlet.HandlerMapping;

/** The path variables of the request being answered, for handlers of its errors that send the person back. */
public final class PathVariables {

    private PathVariables() {}

    /** Return a path variable of the request that failed, so the person lands back on the page they were on. */
    public static String of(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? String.valueOf(map.get(name)) : "";
    }
}
