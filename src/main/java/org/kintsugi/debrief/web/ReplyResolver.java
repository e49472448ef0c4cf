package org.kintsugi.debrief.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Give the room's form handlers a {@link Reply} for their request. */
@Configuration(proxyBeanMethods = false)
class ReplyResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    // Looked up per request: a web slice of another module's controllers has no room to answer with.
    private final ObjectProvider<RoomModel> model;

    ReplyResolver(ObjectProvider<RoomModel> model) {
        this.model = model;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Reply.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        if (container == null) {
            throw new IllegalStateException("A room form needs a model to answer with.");
        }
        return new Reply(
                model.getObject(),
                request.getNativeRequest(HttpServletRequest.class),
                request.getNativeResponse(HttpServletResponse.class),
                container.getModel());
    }
}
