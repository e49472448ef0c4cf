package org.kintsugi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The whole application on a database of its own, with the first administrator created from settings. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin"
        })
@AutoConfigureMockMvc
@Import(TestPeople.class)
public @interface KintsugiAppTest {}
