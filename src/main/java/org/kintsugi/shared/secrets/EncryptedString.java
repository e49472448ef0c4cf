package org.kintsugi.shared.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Keep a string attribute encrypted in its column: {@code @Convert(converter = EncryptedString.class)}. Declare the
 * column in a {@link SecretColumns} bean too, so values of earlier versions are encrypted and rotation reaches it.
 */
@Converter
public class EncryptedString implements AttributeConverter<@Nullable String, @Nullable String> {

    private final Secrets secrets;

    public EncryptedString(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
        return attribute == null ? null : secrets.encrypt(attribute);
    }

    @Override
    public @Nullable String convertToEntityAttribute(@Nullable String column) {
        return column == null ? null : secrets.decrypt(column);
    }
}
