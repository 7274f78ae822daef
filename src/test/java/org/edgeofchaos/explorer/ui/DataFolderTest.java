package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.edgeofchaos.explorer.data.DatasetLoader;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.ui.live.CoreTrainingService;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open data folder: a folder without the IDX files is refused by name; a good one is used and remembered. */
@ExtendWith(ApplicationExtension.class)
class DataFolderTest {
    private static final Path DATA = Path.of(System.getProperty("eoc.datasetDir", "datasets/fashion-mnist"));

    private WindowFixture fixture;
    private CoreTrainingService service;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new WindowFixture();
        // Its own service: the shared one must keep reading the bundled data set.
        service = new CoreTrainingService(DATA, DynamicsProbes.standard());
        fixture.open(stage, service);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fixture.window.shutdown()).get();
    }

    @Test
    void aFolderWithoutTheIdxFilesIsRefusedAndTheOldOneStays(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(fixture.userDir.resolve("not-a-data-set"));
        fixture.dialogs.directory = empty;
        WaitForAsyncUtils.asyncFx(() -> fixture.window.chooseDataFolder()).get();
        assertEquals(1, fixture.dialogs.errors.size(), fixture.dialogs.errors.toString());
        String error = fixture.dialogs.errors.get(0);
        assertTrue(error.startsWith("Not a data set folder: " + empty.toAbsolutePath()), error);
        assertTrue(error.contains("train-images-idx3-ubyte.gz"), error);
        assertEquals(DATA, service.dataDirectory());
    }

    @Test
    void aGoodFolderIsUsedShownInTheTitleAndRemembered(FxRobot robot) throws Exception {
        Path copy = Files.createDirectories(fixture.userDir.resolve("my-mnist"));
        for (String name : DatasetLoader.FILE_NAMES) {
            Files.createSymbolicLink(copy.resolve(name), DATA.resolve(name).toAbsolutePath());
        }
        fixture.dialogs.directory = copy;
        WaitForAsyncUtils.asyncFx(() -> fixture.window.chooseDataFolder()).get();
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
        assertEquals(copy.toAbsolutePath(), service.dataDirectory());
        assertTrue(stage.getTitle().endsWith("my-mnist"), stage.getTitle());
        SettingsStore settings = new SettingsStore(fixture.userDir.resolve("settings.json"));
        WindowFixture.await(10, () -> copy.toAbsolutePath().toString().equals(settings.load().dataDirectory()));
    }
}
