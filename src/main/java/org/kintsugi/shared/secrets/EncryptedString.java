package org.kintsugi.shared.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keep a string attribute encrypted in its column: {@code @Convert(converter = EncryptedString.class)}. Declare the
 * column in a {@link SecretColumns} bean too, so values of earlier versions are encrypted and rotation reaches it.
 */
@Converter
public class EncryptedString implements AttributeConverter<@Nullable String, @Nullable String> {

    private final @Nullable Secrets secrets;

    @Autowired
    public EncryptedString(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Make a converter that only describes the mapping: Spring Data's build-time processing (the AOT cache build)
     * reads the entities' metadata without Spring's beans. Converting a value with it fails.
     */
    public EncryptedString() {
        this.secrets = null;
    }

    private Secrets secrets() {
        if (secrets == null) {
            throw new IllegalStateException("EncryptedString was made without Secrets: it only describes the mapping");
        }
        return secrets;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
        return attribute == null ? null : secrets().encrypt(attribute);
    }

    @Override
    public @Nullable String convertToEntityAttribute(@Nullable String column) {
        return column == null ? null : secrets().decrypt(column);
    }
}
