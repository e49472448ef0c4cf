package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which of the why panel's forms a request sent, on which answer, and what was typed in it: kept on the request so
 * that, when the change is refused, {@link AnalysisPageAdvice} shows the panel again with each message by its field.
 *
 * @param form the panel's form: problem, add, edit, remove, vote, choose, factor or action
 * @param nodeId the answer the panel shows, or 0 for the problem statement
 * @param typed what was typed in an answer form
 * @param values what was typed in the other forms, by field
 * @param errors the service's problems by the form field they concern
 */
record WhyAttempt(
        String form,
        long nodeId,
        @Nullable AnswerForm typed,
        Map<String, String> values,
        Function<InvalidInputException, Map<String, String>> errors) {

    private static final String ATTRIBUTE = WhyAttempt.class.getName();

    /** Return the attempt of a form with nothing typed to show back. */
    static WhyAttempt of(String form, long nodeId) {
        return typed(form, nodeId, Map.of());
    }

    /** Return the attempt of a form whose typed values are shown back by field. */
    static WhyAttempt typed(String form, long nodeId, Map<String, String> values) {
        return new WhyAttempt(form, nodeId, null, values, InvalidInputException::byField);
    }

    /** Return the attempt of an answer form, whose evidence problems go to the field the evidence came from. */
    static WhyAttempt answer(String form, long nodeId, AnswerForm typed, AnswerForm.Read read) {
        return new WhyAttempt(form, nodeId, typed, Map.of(), read::errors);
    }

    /** Keep this attempt on the request being answered, and return it. */
    WhyAttempt remember() {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
        return this;
    }

    /** Return the attempt kept on the request, or one on the answer in the address when none was kept. */
    static WhyAttempt of(HttpServletRequest request, long nodeId) {
        return request.getAttribute(ATTRIBUTE) instanceof WhyAttempt attempt ? attempt : of("", nodeId);
    }
}
