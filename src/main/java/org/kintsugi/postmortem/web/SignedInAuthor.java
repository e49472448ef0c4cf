package org.kintsugi.postmortem.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hand every handler that declares an {@link Author} parameter the signed-in person, by id and with the name they go
 * by now, so no controller builds one from the principal itself. Anonymous requests get {@code null}, as
 * {@code @AuthenticationPrincipal} gives them.
 */
@Component
class SignedInAuthor implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // Resolved from the session or token, not sent by the caller: keep it out of the API's documentation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Author.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Author.class;
    }

    @Override
    public @Nullable Author resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof KintsugiPrincipal me) {
            return new Author(me.id(), me.displayName());
        }
        return null;
    }
}
