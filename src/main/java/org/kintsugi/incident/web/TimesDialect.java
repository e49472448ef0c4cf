package org.kintsugi.incident.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Hand {@link Times} to templates as {@code #times}. A variable, unlike the bean reference {@code @times}, lets the
 * SpEL compiler compile the expressions that format moments, which every list row evaluates.
 */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final IExpressionObjectFactory factory;

    TimesDialect(Times times) {
        super("times");
        this.factory = new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("times");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return times;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return factory;
    }
}
