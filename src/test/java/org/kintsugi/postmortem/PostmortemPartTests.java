package org.kintsugi.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;

/** Where another module's part goes on postmortems whose templates have different sections. */
class PostmortemPartTests {

    record Part(String sectionKey, List<String> otherSectionKeys, Optional<String> ownSectionHeading)
            implements PostmortemPart {

        @Override
        public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
            return Optional.empty();
        }

        @Override
        public String markdown(long postmortemId) {
            return "";
        }
    }

    static List<PostmortemView.Section> sections(String... keys) {
        return java.util.Arrays.stream(keys)
                .map(key -> new PostmortemView.Section(key, key, "", false, "", 0, null, null))
                .toList();
    }

    final Part whys = new Part("five-whys", List.of("root-causes", "contributing-factors"), Optional.of("Five whys"));

    @Test
    void goesUnderItsOwnSectionWhenTheTemplateHasIt() {
        assertThat(whys.place(sections("summary", "root-causes", "five-whys")))
                .contains(new PostmortemPart.Place("five-whys", null));
    }

    @Test
    void otherwiseUnderTheFirstOfItsOtherSectionsTheTemplateHas() {
        assertThat(whys.place(sections("summary", "contributing-factors", "root-causes")))
                .contains(new PostmortemPart.Place("root-causes", null));
    }

    @Test
    void otherwiseInASectionOfItsOwnWhenItHasAHeadingForOne() {
        assertThat(whys.place(sections("how-it-went", "start-doing")))
                .contains(new PostmortemPart.Place("five-whys", "Five whys"))
                .hasValueSatisfying(place -> assertThat(place.own()).isTrue());
    }

    @Test
    void aPartWithoutAHeadingIsLeftOutOfTemplatesWithoutItsSection() {
        Part actions = new Part("action-items", List.of(), Optional.empty());
        assertThat(actions.place(sections("how-it-went"))).isEmpty();
        assertThat(actions.place(sections("action-items"))).contains(new PostmortemPart.Place("action-items", null));
    }
}
