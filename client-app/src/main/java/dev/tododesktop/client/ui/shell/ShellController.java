package dev.tododesktop.client.ui.shell;

import atlantafx.base.controls.Popover;
import dev.tododesktop.client.ui.Theme;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds shell.fxml (header, notice bar and sidebar around the signed-in content) to {@link ShellViewModel}. */
public final class ShellController {

    /** Below this width the sidebar gives its room to the tasks unless asked for. */
    static final double NARROW = 960;

    private final ShellViewModel model;
    private final Parent content;

    @FXML private BorderPane root;
    @FXML private Button sidebarToggle;
    @FXML private Button syncIndicator;
    @FXML private Region syncIcon;
    @FXML private Button syncNowButton;
    @FXML private VBox syncDetails;
    @FXML private Label syncSummary;
    @FXML private VBox syncDetailLines;
    @FXML private Button popoverSyncNowButton;
    @FXML private Button reviewButton;
    @FXML private Label busyLabel;
    @FXML private MenuButton accountMenu;
    @FXML private Label avatarLetter;
    @FXML private MenuItem accountItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private MenuItem signOutItem;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private VBox sidebar;
    @FXML private Label activeCountLabel;

    private Popover syncPopover;

    public ShellController(ShellViewModel model, Parent content) {
        this.model = model;
        this.content = content;
    }

    @FXML
    private void initialize() {
        root.setCenter(content);

        var indicator = model.indicatorProperty();
        syncIndicator.textProperty().bind(Bindings.createStringBinding(() -> indicator.get().shortText(), indicator));
        syncIndicator.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> "Sync status: " + indicator.get().fullText().replace("\n", ". "), indicator));
        var tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> indicator.get().fullText(), indicator));
        syncIndicator.setTooltip(tooltip);
        syncSummary.textProperty().bind(Bindings.createStringBinding(() -> indicator.get().summary(), indicator));
        indicator.addListener((obs, was, now) -> showIndicator(now));
        showIndicator(indicator.get());
        syncNowButton.disableProperty().bind(model.canSyncNowProperty().not());
        popoverSyncNowButton.disableProperty().bind(model.canSyncNowProperty().not());

        accountMenu.textProperty().bind(model.userLabelProperty());
        accountMenu.accessibleTextProperty().bind(Bindings.concat("Account menu, signed in as ", model.userLabelProperty()));
        avatarLetter.textProperty().bind(model.initialProperty());
        accountMenu.disableProperty().bind(model.busyMessageProperty().isNotEmpty());
        // Not bound: a click sets the item's own state before its action runs.
        darkThemeItem.setSelected(model.themeProperty().get() == Theme.DARK);
        model.themeProperty().addListener((obs, was, now) -> darkThemeItem.setSelected(now == Theme.DARK));
        busyLabel.textProperty().bind(model.busyMessageProperty());
        bindShown(busyLabel, model.busyMessageProperty().isNotEmpty());

        noticeLabel.textProperty().bind(model.noticeProperty());
        bindShown(noticeBar, model.noticeProperty().isNotEmpty());

        bindShown(sidebar, model.sidebarShownProperty());
        activeCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.activeCountProperty().get() == 0 ? "" : Integer.toString(model.activeCountProperty().get()),
                model.activeCountProperty()));
        model.narrowProperty().bind(root.widthProperty().lessThan(NARROW));

        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private void showIndicator(SyncIndicator now) {
        syncIcon.getStyleClass().setAll("sync-icon", now.state().styleClass());
        syncIndicator.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("attention"), now.toReview() > 0);
        syncDetailLines.getChildren().setAll(now.details().stream().map(line -> {
            var label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().add("sync-detail");
            return label;
        }).toList());
        reviewButton.setText(now.toReview() == 1 ? "Review 1 item…" : "Review " + now.toReview() + " items…");
        reviewButton.setVisible(now.toReview() > 0);
        reviewButton.setManaged(now.toReview() > 0);
    }

    private static void bindShown(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::syncNow);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), model::toggleSidebar);
    }

    @FXML
    private void showSyncDetails() {
        if (syncPopover == null) {
            syncPopover = new Popover(syncDetails);
            syncPopover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
            syncPopover.setDetachable(false);
            syncPopover.setHeaderAlwaysVisible(false);
            syncDetails.setMaxWidth(360);
            syncDetails.setPrefWidth(360);
        }
        if (syncPopover.isShowing()) {
            syncPopover.hide();
        } else {
            syncPopover.show(syncIndicator);
            popoverSyncNowButton.requestFocus();
        }
    }

    @FXML
    private void syncNow() {
        model.syncNow();
    }

    @FXML
    private void review() {
        if (syncPopover != null) {
            syncPopover.hide();
        }
        model.review();
    }

    @FXML
    private void toggleSidebar() {
        model.toggleSidebar();
    }

    @FXML
    private void toggleTheme() {
        model.useTheme(darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT);
    }

    @FXML
    private void openSettings() {
        model.openSettings();
    }

    @FXML
    private void openAccount() {
        model.openAccount();
    }

    @FXML
    private void signOut() {
        model.signOut();
    }

    @FXML
    private void dismissNotice() {
        model.noticeProperty().set("");
    }
}
