import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the installers' icon, todo.png beside this file: a white check mark on a rounded blue
 * square. Run it again after a change: java packaging/src/main/icon/MakeIcon.java
 */
public final class MakeIcon {
    public static void main(String[] args) throws Exception {
        int size = 256;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B82F6), 0, size, new Color(0x1D4ED8)));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));
        var check = new Path2D.Double();
        check.moveTo(64, 134);
        check.lineTo(108, 178);
        check.lineTo(194, 84);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(28, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(check);
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 0 ? args[0] : "packaging/src/main/icon/todo.png"));
    }
}
