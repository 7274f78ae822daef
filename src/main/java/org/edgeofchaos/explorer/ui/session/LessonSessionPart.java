package org.edgeofchaos.explorer.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeofchaos.explorer.lessons.LessonFile;
import org.edgeofchaos.explorer.session.SessionPart;
import org.edgeofchaos.explorer.session.SessionPaths;
import org.edgeofchaos.explorer.session.SessionProblems;
import org.edgeofchaos.explorer.ui.lessons.LessonPosition;
import org.edgeofchaos.explorer.ui.lessons.LessonViewModel;

/**
 * The lesson in a session: which lesson (a built-in one by name, a teacher's file by path, relative to the session
 * when it lies beside it), the step the class is at, and whether the panel is open. {@code parts.lesson} in the
 * file: {@code {"source": "builtin:order-and-chaos", "step": 2, "panel": true}}.
 */
public final class LessonSessionPart implements SessionPart {
    private final LessonViewModel lessons;

    public LessonSessionPart(LessonViewModel lessons) {
        this.lessons = lessons;
    }

    @Override
    public String key() {
        return "lesson";
    }

    @Override
    public JsonNode save(SessionPaths paths) {
        return lessons.position().map(p -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("source", p.source().startsWith(LessonFile.BUILTIN_PREFIX) ? p.source()
                    : paths.store(Path.of(p.source())));
            node.put("step", p.step());
            node.put("panel", lessons.visibleProperty().get());
            return (JsonNode) node;
        }).orElse(null);
    }

    @Override
    public void restore(JsonNode node, SessionPaths paths, SessionProblems problems) {
        JsonNode source = node.get("source");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            problems.add("the lesson part has no \"source\"; no lesson is opened");
            return;
        }
        int step = node.path("step").canConvertToInt() ? Math.max(0, node.path("step").asInt()) : 0;
        String src = source.asText();
        if (!src.startsWith(LessonFile.BUILTIN_PREFIX)) {
            Path file = paths.resolve(src);
            if (!Files.isRegularFile(file)) {
                problems.missing(file, "lesson file");
                return;
            }
            src = file.toString();
        }
        lessons.open(new LessonPosition(src, step));
        if (node.has("panel") && !node.get("panel").asBoolean(true)) {
            lessons.hidePanel();
        }
    }
}
