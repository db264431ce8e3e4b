package io.jcable.internal.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.internal.binding.fixtures.Comments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamNamesTest {

    static class Unnamed {
    }

    record Post(long id) {
    }

    static class Entity {
        private final int key;

        Entity(int key) {
            this.key = key;
        }

        public int getId() {
            return key;
        }
    }

    enum Room { LOBBY }

    @Test
    void namesTheStreamAfterTheChannelAndTheModel() {
        assertEquals("Comments:Post:7", StreamNames.forModel(Comments.class, new Post(7)));
        assertEquals("Comments:Entity:3", StreamNames.forModel(Comments.class, new Entity(3)));
        assertEquals("Comments:42", StreamNames.forModel(Comments.class, 42));
        assertEquals("Comments:lobby", StreamNames.forModel(Comments.class, "lobby"));
        assertEquals("Comments:LOBBY", StreamNames.forModel(Comments.class, Room.LOBBY));
        UUID id = UUID.randomUUID();
        assertEquals("Comments:" + id, StreamNames.forModel(Comments.class, id));
    }

    @Test
    void refusesAModelItCannotName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamNames.forModel(Comments.class, new Unnamed()));
        assertTrue(e.getMessage().contains("give it a JPA @Id, an id() or a getId() method"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamNames.forModel(Comments.class, null));
    }
}
